// A CSV file posted to an API route with upload progress (fetch reports none for a request body): the file is the
// raw text/csv body, as the import wizard sends it (components/import/api.ts), so the import's size limit applies.
// A failure is a problem the form words (problemMessage): the API's detail, else its own words for the status.
import { readProblem, type ApiProblem } from "@/components/import/api";

export type UploadProblem = ApiProblem;
export type UploadResult = { ok: true; body: unknown } | { ok: false; problem: UploadProblem };

export function uploadCsv(
  url: string,
  file: File,
  onProgress: (sent: number, total: number) => void,
): Promise<UploadResult> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.setRequestHeader("content-type", "text/csv");
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.upload.onload = () => onProgress(file.size, file.size);
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve({ ok: true, body: JSON.parse(xhr.responseText) as unknown });
        } catch {
          resolve({ ok: false, problem: { message: null, status: xhr.status, params: [] } }); // "could not be read"
        }
      } else resolve({ ok: false, problem: readProblem(xhr.status, xhr.responseText) });
    };
    xhr.onerror = () => resolve({ ok: false, problem: { message: null, status: 0, params: [] } }); // "could not be reached"
    xhr.send(file);
  });
}
