export default function MobileCataloguePage() {
  return null;
}
