using System.Globalization;
using System.Net;
using System.Text;

namespace Grounded.Evaluation.Answers;

/// <summary>Writes a report as one self-contained HTML page (inline style, no scripts or external assets; all text encoded).</summary>
public static class AnswerReportHtml
{
    /// <summary>Returns the page for <paramref name="report"/>, titled with <paramref name="dataset"/>.</summary>
    public static string Render(AnswerEvaluationReport report, string dataset)
    {
        ArgumentNullException.ThrowIfNull(report);
        var names = report.Metrics.Keys.ToList();
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Grounded eval: ").Append(E(dataset)).Append("</title>\n")
            .Append("<style>body{font-family:system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}")
            .Append("td,th{border:1px solid #ccc;padding:4px 8px;vertical-align:top;text-align:left}th{background:#f3f3f3}")
            .Append(".num{text-align:right;font-variant-numeric:tabular-nums}.fail{color:#b00020;font-weight:bold}.pass{color:#1b5e20;font-weight:bold}</style></head><body>\n");
        html.Append("<h1>Answer evaluation: ").Append(E(dataset)).Append("</h1>\n<p>")
            .Append(E(FormattableString.Invariant($"{report.Counts.Items} items ({report.Counts.Answerable} answerable, {report.Counts.Unanswerable} unanswerable, {report.Counts.Abstained} abstained) · answerer {report.Model ?? "extractive"}")))
            .Append(report.Prompt is null ? string.Empty : " · prompt " + E(report.Prompt))
            .Append(E(FormattableString.Invariant($" · {report.ElapsedSeconds:0.0} s"))).Append("</p>\n");

        html.Append("<h2>Metrics</h2>\n<table><tr><th>metric</th><th>mean</th><th>95% CI</th></tr>\n");
        foreach (var name in names)
        {
            var ci = report.Confidence.GetValueOrDefault(name);
            html.Append("<tr><td>").Append(E(name)).Append("</td><td class=\"num\">").Append(N(report.Metrics[name])).Append("</td><td class=\"num\">")
                .Append(ci is null ? "–" : $"{N(ci[0])} – {N(ci[1])}").Append("</td></tr>\n");
        }

        html.Append("</table>\n<h2>Gate</h2>\n");
        html.Append(report.Gate.Passed ? "<p class=\"pass\">passed</p>\n" : "<p class=\"fail\">failed</p>\n<ul>\n");
        foreach (var failure in report.Gate.Failures)
        {
            html.Append("<li>").Append(E(failure.ToString())).Append("</li>\n");
        }

        html.Append(report.Gate.Passed ? string.Empty : "</ul>\n");
        if (report.Tags.Count > 0)
        {
            html.Append("<h2>By tag</h2>\n<table><tr><th>tag</th>");
            names.ForEach(n => html.Append("<th>").Append(E(n)).Append("</th>"));
            html.Append("</tr>\n");
            foreach (var (tag, values) in report.Tags)
            {
                html.Append("<tr><td>").Append(E(tag)).Append("</td>");
                names.ForEach(n => html.Append("<td class=\"num\">").Append(N(values.GetValueOrDefault(n))).Append("</td>"));
                html.Append("</tr>\n");
            }

            html.Append("</table>\n");
        }

        html.Append("<h2>Items</h2>\n<table><tr><th>id</th><th>question</th><th>expected</th><th>answer</th><th>citations</th>");
        names.ForEach(n => html.Append("<th>").Append(E(n)).Append("</th>"));
        html.Append("</tr>\n");
        foreach (var item in report.Items)
        {
            html.Append("<tr><td>").Append(E(item.Id)).Append("</td><td>").Append(E(item.Question)).Append("</td><td>")
                .Append(item.Expected.Count == 0 ? "<em>unanswerable</em>" : E(string.Join(" | ", item.Expected))).Append("</td><td>")
                .Append(item.Abstained ? "<em>abstained</em> " : string.Empty).Append(E(item.Answer)).Append("</td><td>")
                .Append(E(string.Join(", ", item.Citations))).Append("</td>");
            names.ForEach(n => html.Append("<td class=\"num\">").Append(N(item.Metrics.GetValueOrDefault(n))).Append("</td>"));
            html.Append("</tr>\n");
        }

        return html.Append("</table>\n</body></html>\n").ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string N(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "–";
}
