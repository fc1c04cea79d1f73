export default function MySessionsPage() {
  return null;
}
