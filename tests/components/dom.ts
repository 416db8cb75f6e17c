// Small readers for form controls (Testing Library's jest-dom matchers are not installed).
export const value = (el: HTMLElement) => (el as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement).value;
export const checked = (el: HTMLElement) => (el as HTMLInputElement).checked;
