/** The columns of a stored upload (the bytes are in the file store under `storage_key`). */
export interface StoredFileColumns {
  file_name: string;
  mime_type: string;
  size_bytes: number;
  sha256: string;
  storage_key: string;
  uploaded_by: number | null;
  created_at: Date;
}
