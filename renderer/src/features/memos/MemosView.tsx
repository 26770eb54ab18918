/** Being built: see issue 4. */
export default function MemosView() {
  return <div className="empty">This view is being built.</div>;
}
