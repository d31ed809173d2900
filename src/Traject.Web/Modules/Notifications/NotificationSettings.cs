using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Traject.Web.Modules.Notifications;

/// <summary>A professional's notification settings: whether she gets e-mail nudges, whether this installation can send them, and the version to send back.</summary>
internal sealed record NotificationSettingsView(bool EmailNudges, bool EmailAvailable, long Version);

internal sealed record NotificationSettingsRequest(bool? EmailNudges, long? Version);

/// <summary>Her own notification settings, read and changed by herself only (there is no way to change another's).</summary>
internal sealed class NotificationSettings(TrajectDb db, IOptions<EmailNudgeOptions> options)
{
    public async Task<NotificationSettingsView> MineAsync(Actor actor, CancellationToken ct)
    {
        var row = await db.NotificationSettings.AsNoTracking().Where(s => s.ProfessionalId == actor.Id)
            .Select(s => new { s.EmailNudges, s.Version }).SingleOrDefaultAsync(ct);
        return new NotificationSettingsView(row?.EmailNudges ?? false, options.Value.Enabled, row?.Version ?? 0);
    }

    /// <summary>Changes her settings; send the version read (0 before the first change). E-mail nudges need a mail server.</summary>
    public async Task<Result<NotificationSettingsView>> ChangeAsync(Actor actor, NotificationSettingsRequest request, CancellationToken ct)
    {
        var v = new Validator();
        var nudges = v.Required("emailNudges", request.EmailNudges);
        var version = v.Required("version", request.Version);
        if (!v.IsValid)
        {
            return v.ToError();
        }

        if (nudges && !options.Value.Enabled)
        {
            return Error.Conflict("E-mail is not set up for this installation.");
        }

        var row = await db.NotificationSettings.SingleOrDefaultAsync(s => s.ProfessionalId == actor.Id, ct);
        if ((row?.Version ?? 0) != version)
        {
            return Error.Stale();
        }

        if (row is null)
        {
            row = new NotificationSetting { ProfessionalId = actor.Id };
            db.NotificationSettings.Add(row);
        }
        else
        {
            db.Entry(row).Property(s => s.Version).OriginalValue = version;
        }

        row.EmailNudges = nudges;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A stale version, or a first row written by a second request at the same moment.
            return Error.Stale();
        }

        return new NotificationSettingsView(row.EmailNudges, options.Value.Enabled, row.Version);
    }
}
