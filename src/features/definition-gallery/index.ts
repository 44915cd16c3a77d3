export { GalleryIndex } from './components/gallery-index';
export { GalleryForm } from './components/gallery-form';
