using Traject.Web;
using Traject.Web.Cli;

// A first argument that is no option names an admin verb: run it, or refuse an unknown one instead of starting the server.
if (await AdminCommands.RunIfVerbAsync(args, Console.Out, Console.Error) is { } exit)
{
    return exit;
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
