using Microsoft.EntityFrameworkCore;

namespace Traject.Web.Modules.Trajectories.Access;

/// <summary>The object an audit entry names when it is not the trajectory itself.</summary>
internal readonly record struct AuditObject(string Type, Guid Id);

/// <summary>
/// An open dossier: the trajectory (with her young person), her pseudonym and the basis the actor came in on. Changes
/// recorded through it are audited with that basis, in the same unit of work as the change.
/// </summary>
internal sealed class Dossier(Trajectory trajectory, string basis, DossierOperation operation, Actor actor, AuditLog audit)
{
    public Trajectory Trajectory { get; } = trajectory;
    public Guid Id => Trajectory.Id;
    public string Pseudonym => Trajectory.YoungPerson!.PseudonymCode;
    public string Basis { get; } = basis;
    public DossierOperation Operation { get; } = operation;
    public bool IsClosed => Trajectory.IsClosed;

    /// <summary>Whether the actor's basis also allows the other operation (e.g. to show a form only to those who may use it).</summary>
    public bool Allows(DossierOperation other) => AccessPolicy.Allows(Basis, other);

    /// <summary>
    /// Refuses an action on a rule beyond the policy's table (e.g. "only the task's owner"), with the denied audit entry.
    /// </summary>
    public async Task<Error> RefuseAsync(string action, Error refusal, AuditObject? about = null, CancellationToken ct = default)
    {
        await audit.RecordAsync(actor, action, about?.Type ?? nameof(Trajectories.Trajectory), about?.Id ?? Id, Pseudonym, Basis,
            AuditOutcomes.Denied, ct);
        return refusal;
    }

    /// <summary>The audit entry of a change made through this dossier; saved with the change.</summary>
    public void Audit(string action, string? objectType = null, Guid? objectId = null) =>
        audit.Add(actor, action, objectType ?? nameof(Trajectories.Trajectory), objectId ?? Id, Pseudonym, Basis);
}

/// <summary>
/// The one door to a dossier. A use case asks for what it wants to do — <see cref="DossierOperation.Read"/>,
/// <see cref="DossierOperation.Record"/>, <see cref="DossierOperation.Steer"/> or <see cref="DossierOperation.Share"/> —
/// and gets the <see cref="Dossier"/> or the error. The access policy's table decides; the door writes the audit entry
/// of a read and of every refusal itself (a record out of scope is refused as not found, and looks like absence).
/// </summary>
internal sealed class DossierDoor(TrajectDb db, AccessPolicy policy, AuditLog audit, DossierViews views)
{
    /// <summary>The answer to a change in a closed trajectory.</summary>
    public static Error Closed => Error.Conflict("The trajectory is closed.");

    /// <summary>The refusal of steering to anyone but the coordinator and the lead organisation's designated expert.</summary>
    public static Error NotSteering => Error.Forbidden("Only the coordinator or the designated expert of the lead organisation can do this.");

    /// <summary>Opens the dossier to read it; the read is audited (within a page view: named as a part of that view).</summary>
    public Task<Result<Dossier>> ReadAsync(Actor actor, Guid trajectoryId, string action, CancellationToken ct, AuditObject? about = null) =>
        OpenAsync(actor, trajectoryId, DossierOperation.Read, action, ct, about: about);

    /// <summary>
    /// Opens the dossier for the operation. Reads are audited here; a change is audited by the use case through
    /// <see cref="Dossier.Audit"/> when it saves. <paramref name="tracked"/> loads the trajectory for change.
    /// </summary>
    public async Task<Result<Dossier>> OpenAsync(Actor actor, Guid trajectoryId, DossierOperation operation, string action,
        CancellationToken ct, bool tracked = false, AuditObject? about = null)
    {
        var (type, id) = about is { } o ? (o.Type, o.Id) : (nameof(Trajectory), trajectoryId);
        // Within one page view the parts read share the one decision and the one (untracked) trajectory.
        var shared = operation == DossierOperation.Read && !tracked;
        if (!shared || !views.TryGetOpened(trajectoryId, out var scope, out var t))
        {
            // In scope: a basis that reads the dossier, or (for the follow-up part) a basis for that part alone.
            var readBasis = await policy.BasisForTrajectoryAsync(actor, trajectoryId, ct);
            scope = readBasis ?? (operation is DossierOperation.ReadFollowUps or DossierOperation.RecordFollowUps
                ? await policy.BasisForAsync(actor, trajectoryId, operation, ct)
                : null);
            t = scope is null ? null : await (tracked ? TrackedQuery : UntrackedQuery).For(db)(db, trajectoryId, ct);
            if (shared)
            {
                views.KeepOpened(trajectoryId, scope, t);
            }
        }
        if (t is null)
        {
            await audit.RecordAsync(actor, action, type, id, outcome: AuditOutcomes.Denied, ct: ct);
            return Error.NotFound();
        }

        var basis = AccessPolicy.Allows(scope, operation)
            ? scope
            : await policy.BasisForAsync(actor, trajectoryId, operation, ct);
        if (basis is null)
        {
            await audit.RecordAsync(actor, action, type, id, t.YoungPerson!.PseudonymCode, scope, AuditOutcomes.Denied, ct);
            return Refusal(operation, scope!);
        }

        var dossier = new Dossier(t, basis, operation, actor, audit);
        if (operation == DossierOperation.ReadFollowUps
            || (operation == DossierOperation.Read && !views.TryAdd(dossier, action)))
        {
            await audit.RecordAsync(actor, action, type, id, dossier.Pseudonym, basis, ct: ct);
        }

        return dossier;
    }


    // Compiled once: every dossier read and change loads the trajectory with her (the hot path, ADR 0028).
    private static readonly CompiledQuery<Func<TrajectDb, Guid, CancellationToken, Task<Trajectory?>>> UntrackedQuery = new(() => EF.CompileAsyncQuery(
        (TrajectDb db, Guid id, CancellationToken ct) => db.Trajectories.AsNoTracking().Include(x => x.YoungPerson).SingleOrDefault(x => x.Id == id)));

    private static readonly CompiledQuery<Func<TrajectDb, Guid, CancellationToken, Task<Trajectory?>>> TrackedQuery = new(() => EF.CompileAsyncQuery(
        (TrajectDb db, Guid id, CancellationToken ct) => db.Trajectories.Include(x => x.YoungPerson).SingleOrDefault(x => x.Id == id)));

    /// <summary>
    /// Opens the dossier for a change in the usual order: the refusal first (out of scope, or an operation her basis does
    /// not allow), then the input errors, then a closed trajectory.
    /// </summary>
    public async Task<Result<Dossier>> OpenForChangeAsync(Actor actor, Guid trajectoryId, DossierOperation operation, string action,
        Validator v, CancellationToken ct, bool tracked = false)
    {
        var opened = await OpenAsync(actor, trajectoryId, operation, action, ct, tracked);
        if (opened.Error is { } refused)
        {
            return refused;
        }

        if (!v.IsValid)
        {
            return v.ToError();
        }

        return opened.Value.IsClosed ? Closed : opened;
    }

    /// <summary>The reason a basis that reads may not do more, in words the professional understands.</summary>
    private static Error Refusal(DossierOperation operation, string readBasis) => operation switch
    {
        DossierOperation.Steer => NotSteering,
        DossierOperation.Share => Error.Forbidden("Only the coordinator or the designated expert of the lead organisation can share the dossier."),
        _ when readBasis == AccessBasis.Emergency => Error.Forbidden("Emergency access lets you read the dossier, not record decisions in it."),
        _ => Error.Forbidden("Until you accept the hand-over you read the dossier; you do not record decisions in it."),
    };
}

/// <summary>
/// One audit entry per page view: while a page that shows several parts of a dossier is being built, the door names
/// each part read instead of writing an entry per part, and the page writes one "dossier viewed" entry naming them.
/// Scoped to the request.
/// </summary>
internal sealed class DossierViews(AuditLog audit)
{
    private Guid? _trajectoryId;
    private Dossier? _first;
    private readonly List<string> _parts = [];
    private (bool Known, string? Scope, Trajectory? Trajectory) _opened;

    /// <summary>The read decision and the trajectory of an earlier part of the current view of this trajectory.</summary>
    public bool TryGetOpened(Guid trajectoryId, out string? scope, out Trajectory? trajectory)
    {
        var known = _trajectoryId == trajectoryId && _opened.Known;
        (scope, trajectory) = known ? (_opened.Scope, _opened.Trajectory) : (null, null);
        return known;
    }

    /// <summary>Keeps the read decision of the first part for the rest of the current view.</summary>
    public void KeepOpened(Guid trajectoryId, string? scope, Trajectory? trajectory)
    {
        if (_trajectoryId == trajectoryId)
        {
            _opened = (true, scope, trajectory);
        }
    }

    /// <summary>Starts collecting the parts read of this trajectory until <see cref="CompleteAsync"/>.</summary>
    public void Begin(Guid trajectoryId)
    {
        _trajectoryId = trajectoryId;
        _first = null;
        _opened = default;
        _parts.Clear();
    }

    /// <summary>Names the part within the current view, if one is open for this dossier's trajectory.</summary>
    public bool TryAdd(Dossier dossier, string action)
    {
        if (_trajectoryId != dossier.Id)
        {
            return false;
        }

        _first ??= dossier;
        if (!_parts.Contains(action, StringComparer.Ordinal))
        {
            _parts.Add(action);
        }

        return true;
    }

    /// <summary>
    /// Writes the view's one entry (when anything was shown), with the basis the first part was read on, and stops
    /// collecting.
    /// </summary>
    public async Task CompleteAsync(Actor actor, string action, CancellationToken ct)
    {
        var shown = _first;
        var parts = string.Join(',', _parts);
        _trajectoryId = null;
        _first = null;
        _opened = default;
        _parts.Clear();
        if (shown is not null)
        {
            await audit.RecordAsync(actor, action, nameof(Trajectory), shown.Id, shown.Pseudonym, shown.Basis, AuditOutcomes.Allowed, parts, ct);
        }
    }
}
