// This file defines FileError: the one kind of failure the local runner reports as a single line and exit code 2.

export type FileErrorCode =
  | 'not_found'
  | 'wrong_extension'
  | 'unreadable'
  | 'not_regular_file'
  | 'too_large'
  | 'unclosed_quote'
  | 'empty_folder'
  | 'output_exists'
  | 'write_failed'
  /** `--update`: the report to update is not a readable .docx. */
  | 'not_docx'
  /** `--update`: the .docx holds no figure content control (issue 14). */
  | 'no_figures'
  /** `--template`: the form is not a readable .docx (issue 16). */
  | 'form_not_docx';

/** A file problem; the CLI picks the wording from `code` (messages last, as in the core). */
export class FileError extends Error {
  readonly code: FileErrorCode;
  readonly path: string;
  /** What the underlying library or the OS said, for the end of the line. */
  readonly detail: string;
  /** The 1-based line of a text file the problem is at (unclosed_quote). */
  readonly line?: number;

  constructor(code: FileErrorCode, path: string, detail = '', line?: number) {
    super(`${code}: ${path}${line === undefined ? '' : `:${line}`}${detail ? ` (${detail})` : ''}`);
    this.name = 'FileError';
    this.code = code;
    this.path = path;
    this.detail = detail;
    this.line = line;
  }
}

/** The message of anything thrown, for a FileError's detail. */
export function describeCause(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
