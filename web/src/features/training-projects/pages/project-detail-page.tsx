export default function ProjectDetailPage() {
  return null;
}
