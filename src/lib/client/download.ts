/** Offers `contents` to the person as a file download named `name`. */
export function downloadFile(name: string, contents: string, type: string): void {
	const link = document.createElement('a');
	link.href = URL.createObjectURL(new Blob([contents], { type }));
	link.download = name;
	link.click();
	setTimeout(() => URL.revokeObjectURL(link.href), 1_000);
}
