using Grounded.Cli;
using Grounded.Cli.Commands;
using Grounded.Cli.Output;
using Spectre.Console.Cli;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true; // let the running transaction roll back before the process exits
    cancellation.Cancel();
};

var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("grounded");
    config.UseStrictParsing();
    config.ConfigureConsole(CliConsole.Out);
    config.SetExceptionHandler((error, _) =>
    {
        CliConsole.Error(error is CommandParseException or CommandRuntimeException ? error.Message : $"internal error: {error.Message}");
        return error is CommandParseException or CommandRuntimeException ? ExitCodes.UserError : ExitCodes.SystemError;
    });
    config.AddCommand<AskCommand>("ask")
        .WithExample("ask", "\"How does Grounded decide to abstain?\"")
        .WithExample("ask", "\"What is the incubation period?\"", "--store", "./papers-index", "--top-k", "8", "--json");
    config.AddCommand<SearchCommand>("search")
        .WithExample("search", "\"chunk overlap\"", "--top-k", "10")
        .WithExample("search", "\"incubation period\"", "--store", "./papers-index", "--json");
    config.AddCommand<IngestCommand>("ingest")
        .WithExample("ingest", "./docs")
        .WithExample("ingest", "./papers", "./notes/summary.md", "--store", "./papers-index", "--chunk-tokens", "256", "--overlap", "32")
        .WithExample("ingest", "./papers", "--prune", "--json")
        .WithExample("ingest", "./src", "--chunker", "code")
        .WithExample("ingest", "./papers", "--store", "postgres://grounded@localhost:5432/grounded", "--collection", "papers", "--tag", "peer-reviewed");
    config.AddCommand<ReindexCommand>("reindex")
        .WithExample("reindex", "--store", "./papers-index");
    config.AddCommand<ServeCommand>("serve")
        .WithExample("serve", "--config", "grounded.yaml")
        .WithExample("serve", "--config", "grounded.yaml", "--urls", "http://127.0.0.1:8080", "--store", "./papers-index");
    config.AddCommand<McpCommand>("mcp")
        .WithExample("mcp", "--store", "./papers-index")
        .WithExample("mcp", "--config", "grounded.yaml");
    config.AddCommand<StatusCommand>("status")
        .WithExample("status", "--json")
        .WithExample("status", "--store", "postgres://grounded@localhost:5432/grounded");
    config.AddBranch("keys", keys =>
    {
        keys.SetDescription("Manage API keys kept in the store: create, list, show, rotate, revoke");
        keys.AddCommand<KeysCreateCommand>("create").WithExample("keys", "create", "--tenant", "acme", "--role", "writer", "--rpm", "60");
        keys.AddCommand<KeysListCommand>("list");
        keys.AddCommand<KeysShowCommand>("show");
        keys.AddCommand<KeysRotateCommand>("rotate");
        keys.AddCommand<KeysRevokeCommand>("revoke");
    });
    config.AddBranch("cost", cost =>
    {
        cost.SetDescription("What model requests cost: the usage ledger's report, and estimates before you spend");
        cost.AddCommand<CostReportCommand>("report")
            .WithExample("cost", "report", "--since", "7d", "--by", "model")
            .WithExample("cost", "report", "--since", "30d", "--by", "day", "--tenant", "acme", "--json");
        cost.AddCommand<CostEstimateCommand>("estimate")
            .WithExample("cost", "estimate", "--tokens", "1000000", "--model", "gpt-4o-mini", "--model", "claude-haiku-4-5")
            .WithExample("cost", "estimate", "./papers", "--documents", "1000000", "--output-tokens-per-document", "200", "--config", "grounded.yaml")
            .WithExample("cost", "estimate", "./docs", "--model", "gpt-5-mini", "--json");
    });
    config.AddBranch("route", route =>
    {
        route.SetDescription("Model routes: which model a route picks for a request, and why");
        route.AddCommand<RouteExplainCommand>("explain")
            .WithExample("route", "explain", "\"Prove that there are infinitely many primes\"", "--config", "grounded.yaml")
            .WithExample("route", "explain", "\"Summarise this\"", "--route", "auto", "--max-tokens", "8000", "--json");
        route.AddCommand<RouteStatsCommand>("stats")
            .WithExample("route", "stats", "--since", "7d")
            .WithExample("route", "stats", "--route", "auto", "--since", "30d", "--json");
    });
    config.AddBranch("alerts", alerts =>
    {
        alerts.SetDescription("Alerts: send a test alert to the webhooks, export the rules for Prometheus, evaluate them once");
        alerts.AddCommand<AlertsTestCommand>("test").WithExample("alerts", "test", "--config", "grounded.yaml");
        alerts.AddCommand<AlertsRulesCommand>("rules").WithExample("alerts", "rules", "--config", "grounded.yaml", "--out", "grounded-rules.yml");
        alerts.AddCommand<AlertsCheckCommand>("check").WithExample("alerts", "check", "--config", "grounded.yaml", "--json");
    });
    config.AddBranch("prompts", prompts =>
    {
        prompts.SetDescription("The prompt registry: list, show and diff versions; promote one to an environment behind the evaluation gate; roll back; history");
        prompts.AddCommand<PromptsListCommand>("list").WithExample("prompts", "list");
        prompts.AddCommand<PromptsShowCommand>("show").WithExample("prompts", "show", "grounded-answer", "--env", "production", "--json");
        prompts.AddCommand<PromptsDiffCommand>("diff").WithExample("prompts", "diff", "grounded-answer@1.0.0", "grounded-answer@2.0.0");
        prompts.AddCommand<PromptsPromoteCommand>("promote").WithExample("prompts", "promote", "grounded-answer@2.0.0", "--env", "production");
        prompts.AddCommand<PromptsRollbackCommand>("rollback").WithExample("prompts", "rollback", "grounded-answer", "--env", "production");
        prompts.AddCommand<PromptsHistoryCommand>("history").WithExample("prompts", "history", "grounded-answer", "--env", "production");
    });
    config.AddBranch("agent", agent =>
    {
        agent.SetDescription("Tool-calling agents from agents/NAME.yaml: run one on a task under hard caps, approve or reject paused runs, print transcripts, lint tool schemas");
        agent.AddCommand<AgentRunCommand>("run").WithExample("agent", "run", "--agent", "agents/researcher.yaml", "How often does the beacon restart?", "--json");
        agent.AddCommand<AgentLintCommand>("lint").WithExample("agent", "lint", "agents/researcher.yaml", "--json");
        agent.AddCommand<AgentTraceCommand>("trace").WithExample("agent", "trace", "run_0123456789abcdef01234567");
        agent.AddCommand<AgentApproveCommand>("approve").WithExample("agent", "approve", "run_0123456789abcdef01234567");
        agent.AddCommand<AgentRejectCommand>("reject").WithExample("agent", "reject", "run_0123456789abcdef01234567");
        agent.AddCommand<AgentListCommand>("list").WithExample("agent", "list", "--status", "waiting_approval");
    });
    config.AddCommand<AuditCommand>("audit").WithExample("audit", "--since", "7d", "--json");
    config.AddBranch("eval", eval =>
    {
        eval.SetDescription("Measure answer and retrieval quality on your own data");
        eval.AddCommand<EvalRunCommand>("run")
            .WithExample("eval", "run", "--dataset", "eval/datasets/grounded-docs.jsonl", "--json")
            .WithExample("eval", "run", "--dataset", "qa.jsonl", "--store", "./papers-index", "--baseline", "baseline.json", "--tolerance", "0.02")
            .WithExample("eval", "run", "--dataset", "qa.jsonl", "--model", "small", "--judge-model", "large", "--repeat", "3", "--html", "report.html")
            .WithExample("eval", "run", "--dataset", "eval/datasets/grounded-docs.jsonl", "--prompt", "grounded-answer@2.0.0", "--model", "small", "--json");
        eval.AddCommand<EvalRetrievalCommand>("retrieval")
            .WithExample("eval", "retrieval", "--dataset", "./scifact", "--split", "train", "--json")
            .WithExample("eval", "retrieval", "--dataset", "./scifact", "--mode", "keyword", "--k", "1,5,10,100", "--per-query");
        eval.AddCommand<EvalChunkingCommand>("chunking")
            .WithExample("eval", "chunking", "--corpus", "./papers", "--questions", "questions.jsonl", "--chunk-tokens", "256,512,1024", "--json");
        eval.AddCommand<EvalAgreementCommand>("agreement")
            .WithExample("eval", "agreement", "--judge", "judge.jsonl", "--human", "human.csv")
            .WithExample("eval", "agreement", "--judge", "judge.jsonl", "--human", "human.jsonl", "--scale", "1-5", "--json");
        eval.AddCommand<EvalGenerateCommand>("generate")
            .WithExample("eval", "generate", "--store", "./.grounded", "--count", "50", "--out", "synthetic.jsonl")
            .WithExample("eval", "generate", "--count", "200", "--model", "small", "--config", "grounded.yaml", "--seed", "7", "--out", "synthetic.jsonl", "--json");
        eval.AddCommand<EvalDriftCommand>("drift")
            .WithExample("eval", "drift", "--since", "7d")
            .WithExample("eval", "drift", "--since", "1d", "--reference", "14d", "--fail-on-drift")
            .WithExample("eval", "drift", "--since", "24h", "--reference", "14d", "--store", "postgres://grounded@localhost:5432/grounded", "--json");
        eval.AddCommand<EvalExportFeedbackCommand>("export-feedback")
            .WithExample("eval", "export-feedback", "--since", "30d", "--out", "feedback.jsonl")
            .WithExample("eval", "export-feedback", "--rating", "all", "--tenant", "acme", "--out", "review.jsonl", "--json");
    });
    config.AddBranch("cache", cache =>
    {
        cache.SetDescription("Measure the gateway's semantic cache");
        cache.AddCommand<CacheEvalCommand>("eval")
            .WithExample("cache", "eval", "--pairs", "paws-dev.tsv", "--json")
            .WithExample("cache", "eval", "--pairs", "questions.csv", "--threshold", "0.92", "--sweep");
    });
    config.AddBranch("guard", guard =>
    {
        guard.SetDescription("Guardrails: check a text with the configured guards, or measure a guard on labelled data");
        guard.AddCommand<GuardCheckCommand>("check")
            .WithExample("guard", "check", "--json")
            .WithExample("guard", "check", "--config", "grounded.yaml", "--model", "small");
        guard.AddCommand<GuardEvalCommand>("eval")
            .WithExample("guard", "eval", "--guard", "pii", "--dataset", "presidio-dev.json", "--json")
            .WithExample("guard", "eval", "--guard", "pii", "--dataset", "presidio-dev.json", "--no-name-lists");
    });
    config.AddBranch("db", db =>
    {
        db.SetDescription("Manage the store's database schema");
        db.AddCommand<DbMigrateCommand>("migrate")
            .WithExample("db", "migrate", "--store", "postgres://grounded@localhost:5432/grounded")
            .WithExample("db", "migrate", "--store", "postgres://grounded@db.internal:5432/grounded", "--json");
    });
    config.AddBranch("bench", bench =>
    {
        bench.SetDescription("Measure Grounded's components on this machine");
        bench.AddCommand<BenchAnnCommand>("ann")
            .WithExample("bench", "ann", "--count", "200000", "--dim", "384", "--queries", "500", "--json")
            .WithExample("bench", "ann", "--count", "1000000", "--m", "16", "--ef-construction", "128", "--ef-search", "64", "--quantization", "i8")
            .WithExample("bench", "ann", "--count", "100000", "--store", "postgres://grounded@127.0.0.1:5433/grounded");
    });
});

// Spectre.Console.Cli wants long option names of two letters or more; "--k" is accepted as the short "-k" (eval's cut-offs, ask's top-k).
return await app.RunAsync(BenchAnnSettings.NormalizeArguments(args).Select(a => a == "--k" ? "-k" : a), cancellation.Token).ConfigureAwait(false);
