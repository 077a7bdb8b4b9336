/**
 * A PDF file made of the given objects, numbered from 1 in order (the first is the catalogue),
 * with a correct cross-reference table: the smallest file readers accept without repairing it.
 * Latin-1 text, one byte a character, so the offsets are byte offsets.
 */
export function pdfFromObjects(objects) {
  let out = '%PDF-1.4\n';
  const offsets = [];
  objects.forEach((body, index) => {
    offsets.push(out.length);
    out += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return out;
}
