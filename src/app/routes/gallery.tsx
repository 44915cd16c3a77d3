import type { QueryClient } from '@tanstack/react-query';
import { useParams, type LoaderFunctionArgs } from 'react-router';
import { paths } from '../../config/paths';
import { useDocumentTitle } from '../../lib/use-document-title';
import { GalleryForm, GalleryIndex } from '../../features/definition-gallery';
import { definitionQuery } from '../../services/get-definition';
import { useSession } from '../../features/session';
import { isCertificateTypeCode } from '../../definitions';
import { NotFoundPage } from './not-found-page';

export function GalleryIndexRoute() {
  useDocumentTitle('Definitionsgalleri');
  return <GalleryIndex formPath={paths.galleryForm} />;
}

export function GalleryFormRoute() {
  const { code } = useParams();
  const session = useSession();
  useDocumentTitle(`Definitionsgalleri ${code ?? ''}`);
  if (code === undefined || !isCertificateTypeCode(code)) return <NotFoundPage />;
  return (
    <GalleryForm
      code={code}
      indexPath={paths.gallery}
      role={session.data?.user.role ?? 'physician'}
    />
  );
}

/** Loads the definition together with the page's code (a static file, not an API call). */
export function galleryFormLoader(queryClient: QueryClient) {
  return async ({ params }: LoaderFunctionArgs) => {
    if (params.code !== undefined && isCertificateTypeCode(params.code)) {
      await queryClient.query(definitionQuery(params.code)).catch(() => undefined);
    }
    return null;
  };
}
