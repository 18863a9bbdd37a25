/**
 * `{{ value | jsonScript | safe }}`: JSON that is safe inside a `<script>` element. `<`, `>` and `&`
 * are escaped, so a value containing `</script>` cannot end the element early.
 */
export function jsonScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
