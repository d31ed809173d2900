using Microsoft.EntityFrameworkCore;
using Traject.Web.Common;
using Traject.Web.Common.Access;
using Traject.Web.Common.Auditing;
using Traject.Web.Data;

namespace Traject.Web.Modules.Trajectories.Access;

/// <summary>TEMPORARY: the old preamble, kept only while modules move to <see cref="DossierDoor"/>.</summary>
internal sealed class TrajectoryGate(TrajectDb db, AccessPolicy access, AuditLog audit)
{
    public async Task<(Trajectory? Trajectory, string? Basis)> OpenAsync(Actor actor, Guid trajectoryId, string action, CancellationToken ct)
    {
        var basis = await access.BasisForTrajectoryAsync(actor, trajectoryId, ct);
        var t = basis is null ? null : await db.Trajectories.AsNoTracking().Include(x => x.YoungPerson).SingleOrDefaultAsync(x => x.Id == trajectoryId, ct);
        if (t is null)
        {
            await audit.RecordAsync(actor, action, nameof(Trajectory), trajectoryId, outcome: AuditOutcomes.Denied, ct: ct);
        }

        return (t, basis);
    }

    public async Task<Error?> RefuseEmergencyAsync(Actor actor, Trajectory t, string? basis, string action, string objectType, Guid objectId, CancellationToken ct)
    {
        if (basis is not (AccessBasis.Emergency or AccessBasis.HandoverReceiving))
        {
            return null;
        }

        await audit.RecordAsync(actor, action, objectType, objectId, t.YoungPerson!.PseudonymCode, basis, AuditOutcomes.Denied, ct);
        return basis == AccessBasis.Emergency
            ? Error.Forbidden("Emergency access lets you read the dossier, not record decisions in it.")
            : Error.Forbidden("Until you accept the hand-over you read the dossier; you do not record decisions in it.");
    }
}
