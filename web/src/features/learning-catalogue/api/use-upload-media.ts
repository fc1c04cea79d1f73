import { useMutation } from '@tanstack/react-query';
import type { LearningMedia } from '@fulcrum/shared';
import { uploadWithProgress } from '../../../lib/upload.ts';

/** Uploads a lesson's video or PDF, reporting progress. */
export function useUploadMedia(onProgress: (percent: number) => void) {
  return useMutation({ mutationFn: (file: File) => uploadWithProgress<LearningMedia>('/learning/media', file, { onProgress }) });
}
