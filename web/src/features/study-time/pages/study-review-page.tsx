export default function StudyReviewPage() {
  return null;
}
