// Annotations written as JSX comments `{/* … */}` on their own line annotate the next line.
export function Frames({ url }: { url: string }) {
  return (
    <div>
      {/* ruleid: ts-jsx-comment-annotation */}
      <iframe src={url} />
      {/* ok: ts-jsx-comment-annotation */}
      <iframe src={url} sandbox="allow-scripts" />
      <section>
        {/* ruleid: ts-jsx-comment-annotation */}
        <iframe src={url}
        />
      </section>
    </div>
  );
}
