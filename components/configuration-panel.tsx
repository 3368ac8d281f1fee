import type { ConfigurationOverview } from "@/lib/queries/get-configuration-overview";

export function ConfigurationPanel({ overview }: { overview: ConfigurationOverview }) {
  return (
    <section aria-labelledby="configuration-heading" className="panel">
      <h2 id="configuration-heading">Configuration</h2>
      {overview.errors.length > 0 && (
        <ul className="problems errors" aria-label="Configuration errors">
          {overview.errors.map((e, i) => (
            <li key={i}>
              <code>{e.variable}</code> {e.message}
            </li>
          ))}
        </ul>
      )}
      {overview.warnings.length > 0 && (
        <ul className="problems warnings" aria-label="Configuration warnings">
          {overview.warnings.map((w, i) => (
            <li key={i}>
              <code>{w.variable}</code> {w.message}
            </li>
          ))}
        </ul>
      )}
      <table className="settings">
        <thead>
          <tr>
            <th scope="col">Setting</th>
            <th scope="col">State</th>
            <th scope="col">Value</th>
          </tr>
        </thead>
        <tbody>
          {overview.settings.map((s) => (
            <tr key={s.variable}>
              <th scope="row">
                <code>{s.variable}</code>
              </th>
              <td>
                {s.state}
                {s.note ? ` · ${s.note}` : ""}
              </td>
              <td>{s.value ?? (s.state === "set" ? "hidden" : "—")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
