import type { ReactNode } from "react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

type DataTable = { caption: string; columns: string[]; rows: { key: string; cells: string[] }[] };

/**
 * A chart with its accessible twin: the SVG is hidden from assistive technology, which reads the figure's name,
 * a one-line summary and a visually hidden table with every value instead.
 */
export function ChartCard({
  id,
  title,
  description,
  summary,
  table,
  testId,
  children,
}: {
  id: string;
  title: string;
  description: string;
  summary?: string;
  table: DataTable;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <Card className="gap-4">
      <CardHeader>
        <CardTitle>
          <h2 id={`${id}-title`} className="text-base">
            {title}
          </h2>
        </CardTitle>
        <CardDescription id={`${id}-desc`}>{description}</CardDescription>
      </CardHeader>
      <CardContent>
        <figure
          aria-labelledby={`${id}-title`}
          aria-describedby={summary ? `${id}-desc ${id}-summary` : `${id}-desc`}
          data-testid={testId}
        >
          {summary ? (
            <p id={`${id}-summary`} className="sr-only">
              {summary}
            </p>
          ) : null}
          <div aria-hidden className="min-w-0">
            {children}
          </div>
          {/* sr-only on the wrapper: a table ignores the 1px width and would widen the page. */}
          <div className="sr-only">
            <table>
              <caption>{table.caption}</caption>
              <thead>
                <tr>
                  {table.columns.map((c) => (
                    <th key={c} scope="col">
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.rows.map((row) => (
                  <tr key={row.key}>
                    <th scope="row">{row.cells[0]}</th>
                    {row.cells.slice(1).map((cell, i) => (
                      <td key={i}>{cell}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </figure>
      </CardContent>
    </Card>
  );
}
