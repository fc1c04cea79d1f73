export default function ExamDetailPage() {
  return null;
}
