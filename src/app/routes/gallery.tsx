import { useParams } from 'react-router';
import { paths } from '../../config/paths';
import { useDocumentTitle } from '../../lib/use-document-title';
import { GalleryForm, GalleryIndex } from '../../features/definition-gallery';
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
