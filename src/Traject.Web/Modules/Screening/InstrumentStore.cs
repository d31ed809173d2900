namespace Traject.Web.Modules.Screening;

/// <summary>
/// The published instrument versions. <see cref="CurrentAsync"/> is the latest published version; a screening
/// records the version it used and <see cref="MarkUsedAsync"/> makes that version immutable.
/// </summary>
internal interface IInstrumentStore
{
    Task<Instrument> CurrentAsync(CancellationToken ct);

    Task<Instrument?> FindAsync(string version, CancellationToken ct);

    Task MarkUsedAsync(string version, CancellationToken ct);
}

/// <summary>Placeholder store with a tiny built-in list, until the versioned instrument lands.</summary>
internal sealed class BuiltInInstrumentStore : IInstrumentStore
{
    private static readonly Instrument Placeholder = new("0.placeholder",
    [
        new("placeholder-risk", "relationship", "Oudere vriend met veel geld", "Older boyfriend with a lot of money", [RiskProfile.PhaseOfLife], [], false),
        new("placeholder-act", "relationship", "Wordt opgehaald en weggebracht", "Is picked up and dropped off", [], [LegalElement.Act], false),
        new("placeholder-means", "relationship", "Wordt bedreigd", "Is threatened", [], [LegalElement.Means], false),
        new("placeholder-purpose", "sexual-health", "Seks tegen betaling", "Sex for money", [], [LegalElement.Purpose], false),
        new("placeholder-acute", "statements", "Zegt nu in gevaar te zijn", "Says she is in danger now", [], [], true),
    ]);

    public Task<Instrument> CurrentAsync(CancellationToken ct) => Task.FromResult(Placeholder);

    public Task<Instrument?> FindAsync(string version, CancellationToken ct) =>
        Task.FromResult(version == Placeholder.Version ? Placeholder : null);

    public Task MarkUsedAsync(string version, CancellationToken ct) => Task.CompletedTask;
}
