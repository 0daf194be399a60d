// Any address no other route claims: a real 404 status with the friendly page from root's ErrorBoundary.
export function loader() {
  throw new Response("Not found", { status: 404 });
}

export default function NotFound() {
  return null;
}
