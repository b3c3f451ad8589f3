import { Link } from 'wouter';

/** Shown for any address no route matches. */
export function NotFoundPage() {
  return (
    <section className="page narrow">
      <h1>Page not found</h1>
      <p>
        Nothing lives at this address. <Link href="/">Back to the sessions</Link>.
      </p>
    </section>
  );
}
