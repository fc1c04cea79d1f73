export default function ExamAdminPage() {
  return null;
}
