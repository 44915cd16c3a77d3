import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * The text of a PDF (e.g. from `page.pdf()`), page by page, read with Mozilla's pdf.js.
 * Words keep the order the PDF draws them in; compare with `squash` to ignore line breaks.
 */
export async function pdfPages(pdf: Buffer): Promise<string[]> {
  const document = await getDocument({
    data: new Uint8Array(pdf),
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number += 1) {
    const page = await document.getPage(number);
    const content = await page.getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  await document.destroy();
  return pages;
}

/** Text without any whitespace: line breaks and spacing in a PDF are the layout's. */
export function squash(text: string): string {
  return text.replace(/\s+/g, '');
}
