using Traject.Web;
using Traject.Web.Cli;

if (args.Length > 0 && AdminCommands.IsVerb(args[0]))
{
    return await AdminCommands.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
TrajectApp.ConfigureServices(builder);
var app = builder.Build();
TrajectApp.ConfigurePipeline(app);
await TrajectApp.PrepareDatabaseAsync(app);
app.Lifetime.ApplicationStarted.Register(() => AdminCommands.PrintWelcome(app));
await app.RunAsync();
return 0;

/// <summary>Entry point; public so the integration tests can host the app.</summary>
public partial class Program;
