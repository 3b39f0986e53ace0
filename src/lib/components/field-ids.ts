/** A form field's element id from its path in the problems (`phases[1].title` → `phases-1-title`). */
export const fieldId = (path: string): string => path.replace(/[[\].]+/g, '-');

/** The id of the list of a field's problems, which the field names in `aria-describedby`. */
export const problemsId = (path: string): string => `${fieldId(path)}-problems`;
