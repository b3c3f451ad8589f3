import { Link } from 'wouter';

/** Why a session page cannot open: the session is unknown, or the link does not grant access. */
export function AccessProblem(props: { missing: boolean; message: string; refused: string; backLabel: string }) {
  return (
    <section className="page narrow">
      <h1>{props.missing ? 'Session not found' : props.refused}</h1>
      <p className="notice error" role="alert">
        {props.message}
      </p>
      <p>
        <Link href="/">{props.backLabel}</Link>
      </p>
    </section>
  );
}
