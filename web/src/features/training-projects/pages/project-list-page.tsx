export default function ProjectListPage() {
  return null;
}
