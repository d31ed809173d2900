using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

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

/// <summary>
/// The versions in the database (table <c>InstrumentVersions</c>), parsed once per version and kept: a version never
/// changes once published. The current version is asked of the database on every call, so a version published on
/// another node counts at once. A singleton with its own database scope per call: <see cref="MarkUsedAsync"/> commits
/// on its own, so call it before (not inside) the transaction that records the screening; marking a version used
/// that then stays unused only makes it immutable a little early.
/// </summary>
internal sealed class InstrumentStore(IServiceScopeFactory scopes, TimeProvider time) : IInstrumentStore
{
    private readonly ConcurrentDictionary<string, Instrument> _parsed = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _used = new(StringComparer.Ordinal);

    public async Task<Instrument> CurrentAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrajectDb>();
        var version = await db.InstrumentVersions.AsNoTracking().OrderByDescending(v => v.Sequence).Select(v => v.Version).FirstOrDefaultAsync(ct);
        if (version is null)
        {
            // Not seeded yet (the reference data is stored at start-up and by `migrate`): store the built-in ones now.
            await InstrumentPublishing.StoreBuiltInAsync(db, time, ct);
            return BuiltInInstrument.Instance;
        }

        return await LoadAsync(db, version, ct) ?? throw new InvalidOperationException("The current instrument version disappeared.");
    }

    public async Task<Instrument?> FindAsync(string version, CancellationToken ct)
    {
        if (_parsed.TryGetValue(version, out var cached))
        {
            return cached;
        }

        if (!InstrumentJson.IsVersionName(version))
        {
            return null;
        }

        await using var scope = scopes.CreateAsyncScope();
        return await LoadAsync(scope.ServiceProvider.GetRequiredService<TrajectDb>(), version, ct);
    }

    public async Task MarkUsedAsync(string version, CancellationToken ct)
    {
        if (_used.ContainsKey(version))
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrajectDb>();
        var now = time.GetUtcNow();
        var marked = await db.InstrumentVersions.Where(v => v.Version == version && !v.Used)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.Used, true).SetProperty(v => v.FirstUsedAt, now), ct);
        if (marked == 0 && !await db.InstrumentVersions.AnyAsync(v => v.Version == version, ct))
        {
            throw new InvalidOperationException("There is no instrument version with this name.");
        }

        _used[version] = true;
    }

    private async Task<Instrument?> LoadAsync(TrajectDb db, string version, CancellationToken ct)
    {
        if (_parsed.TryGetValue(version, out var cached))
        {
            return cached;
        }

        var content = await db.InstrumentVersions.AsNoTracking().Where(v => v.Version == version).Select(v => v.Content).SingleOrDefaultAsync(ct);
        return content is null ? null : _parsed.GetOrAdd(version, _ => InstrumentJson.Parse(content));
    }
}
