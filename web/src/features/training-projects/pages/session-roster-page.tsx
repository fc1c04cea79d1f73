export default function SessionRosterPage() {
  return null;
}
