/** Being built: see issue 4. */
export default function CodingView() {
  return <div className="empty">This view is being built.</div>;
}
