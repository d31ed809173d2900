using Microsoft.EntityFrameworkCore;
using Traject.Web.Modules.Tasks;
using Traject.Web.Modules.Timeline;
using Traject.Web.Modules.Trajectories;
using Traject.Web.Modules.Trajectories.Access;

namespace Traject.Web.Modules.Journal;

internal sealed record ContactNoteView(
    Guid Id,
    DateOnly ContactOn,
    ContactKind Kind,
    string WithWhom,
    string Discussed,
    string? Agreed,
    DateOnly? FollowUpOn,
    PersonRef Author,
    string AuthorOrganisation,
    DateTimeOffset WrittenAt,
    DateTimeOffset? CorrectedAt,
    int Corrections,
    bool CanCorrect,
    long Version);

internal sealed record ContactNotePage(IReadOnlyList<ContactNoteView> Items, int Page, int PageSize, int Total, bool CanRecord);

internal sealed record RecordContactRequest(DateOnly? ContactOn, ContactKind? Kind, string? WithWhom, string? Discussed, string? Agreed, DateOnly? FollowUpOn);

internal sealed record CorrectContactRequest(DateOnly? ContactOn, ContactKind? Kind, string? WithWhom, string? Discussed, string? Agreed, long? Version);

/// <summary>
/// The contact journal of a trajectory: dated notes of contacts, newest first. Whoever may record in the dossier writes
/// them (the door's <c>Record</c>); whoever may read it reads them. A note is append-only: its author may correct it
/// within 24 hours, and the text before each correction is kept. A follow-up date makes a task for the author.
/// </summary>
internal sealed class ContactNotes(TrajectDb db, TimeProvider time, DossierDoor door, TimelineWriter timeline, TaskList tasks)
{
    public const int MaxPageSize = 100;

    /// <summary>How far ahead a follow-up may be planned.</summary>
    public const int FollowUpMaxDays = 366;

    public static string Link(Guid trajectoryId) => $"/trajectories/{trajectoryId}/contacts";

    public async Task<Result<ContactNotePage>> ListAsync(Actor actor, Guid trajectoryId, int page, int pageSize, CancellationToken ct)
    {
        var v = new Validator();
        v.Paging(page, pageSize, MaxPageSize);
        var opened = await door.ReadAsync(actor, trajectoryId, JournalAuditActions.ContactsRead, ct);
        if (opened.Error is { } refused)
        {
            return refused;
        }

        if (!v.IsValid)
        {
            return v.ToError();
        }

        var dossier = opened.Value;
        var query = db.ContactNotes.AsNoTracking().Where(n => n.TrajectoryId == trajectoryId);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(n => n.ContactOn).ThenByDescending(n => n.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(n => new { Note = n, Corrections = db.ContactNoteRevisions.Count(r => r.ContactNoteId == n.Id) })
            .ToListAsync(ct);
        var people = await PersonRefs.LoadAsync(db, rows.Select(r => r.Note.AuthorId), ct);
        var organisationIds = rows.Select(r => r.Note.AuthorOrganisationId).Distinct().ToList();
        var organisations = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var now = time.GetUtcNow();
        var canRecord = !dossier.IsClosed && dossier.Allows(DossierOperation.Record);
        var items = rows.Select(r => new ContactNoteView(r.Note.Id, r.Note.ContactOn, r.Note.Kind, r.Note.WithWhom, r.Note.Discussed, r.Note.Agreed,
            r.Note.FollowUpOn, people[r.Note.AuthorId], organisations.GetValueOrDefault(r.Note.AuthorOrganisationId, string.Empty), r.Note.WrittenAt,
            r.Note.CorrectedAt, r.Corrections, canRecord && r.Note.AuthorId == actor.Id && r.Note.IsCorrectable(now), r.Note.Version)).ToList();
        return new ContactNotePage(items, page, pageSize, total, canRecord);
    }

    public async Task<Result<Changed>> RecordAsync(Actor actor, Guid trajectoryId, RecordContactRequest request, CancellationToken ct)
    {
        var v = new Validator();
        var fields = Validate(v, request.ContactOn, request.Kind, request.WithWhom, request.Discussed, request.Agreed);
        var today = time.Today();
        if (request.FollowUpOn is { } followUp && (followUp < today || followUp > today.AddDays(FollowUpMaxDays)))
        {
            v.Add("followUpOn", "A follow-up date is from today up to a year ahead.");
        }

        var opened = await door.OpenForChangeAsync(actor, trajectoryId, DossierOperation.Record, JournalAuditActions.ContactRecorded, v, ct);
        if (opened.Error is { } error)
        {
            return error;
        }

        var dossier = opened.Value;
        var note = new ContactNote
        {
            TrajectoryId = trajectoryId, ContactOn = fields.ContactOn, Kind = fields.Kind, WithWhom = fields.WithWhom, Discussed = fields.Discussed,
            Agreed = fields.Agreed, FollowUpOn = request.FollowUpOn, AuthorId = actor.Id, AuthorOrganisationId = actor.OrganisationId,
            WrittenAt = time.GetUtcNow(),
        };
        if (request.FollowUpOn is { } due)
        {
            note.FollowUpTaskId = tasks.Add(trajectoryId, JournalTaskKinds.ContactFollowUp, actor.Id, due, actor).Id;
        }

        db.ContactNotes.Add(note);
        // The timeline names the kind of contact only: whom it was with and what was said stay in the journal.
        timeline.Add(trajectoryId, actor, JournalTimelineKinds.Contact, Link(trajectoryId), "Contact note: {0}", fields.Kind);
        dossier.Audit(JournalAuditActions.ContactRecorded, nameof(ContactNote), note.Id);
        await db.SaveChangesAsync(ct);
        return new Changed(note.Id, note.Version);
    }

    /// <summary>
    /// Corrects a note: only its author, only within 24 hours of writing it, only on the version she read. The text
    /// before is kept as a revision; the timeline says a note was corrected.
    /// </summary>
    public async Task<Result<Changed>> CorrectAsync(Actor actor, Guid trajectoryId, Guid noteId, CorrectContactRequest request, CancellationToken ct)
    {
        var v = new Validator();
        var fields = Validate(v, request.ContactOn, request.Kind, request.WithWhom, request.Discussed, request.Agreed);
        var version = v.Required("version", request.Version);
        var opened = await door.OpenForChangeAsync(actor, trajectoryId, DossierOperation.Record, JournalAuditActions.ContactCorrected, v, ct);
        if (opened.Error is { } error)
        {
            return error;
        }

        var dossier = opened.Value;
        var note = await db.ContactNotes.SingleOrDefaultAsync(n => n.Id == noteId && n.TrajectoryId == trajectoryId, ct);
        if (note is null)
        {
            return Error.NotFound();
        }

        var about = new AuditObject(nameof(ContactNote), note.Id);
        if (note.AuthorId != actor.Id)
        {
            return await dossier.RefuseAsync(JournalAuditActions.ContactCorrected,
                Error.Forbidden("Only the author can correct a contact note; add a new note instead."), about, ct);
        }

        var now = time.GetUtcNow();
        if (!note.IsCorrectable(now))
        {
            return Error.Conflict("A contact note can be corrected up to 24 hours after it was written; add a new note instead.");
        }

        if (note.Version != version)
        {
            return Error.Stale();
        }

        if (note.ContactOn == fields.ContactOn && note.Kind == fields.Kind && note.WithWhom == fields.WithWhom && note.Discussed == fields.Discussed
            && note.Agreed == fields.Agreed)
        {
            return new Changed(note.Id, note.Version);
        }

        db.ContactNoteRevisions.Add(new ContactNoteRevision
        {
            ContactNoteId = note.Id, TrajectoryId = trajectoryId, ContactOn = note.ContactOn, Kind = note.Kind, WithWhom = note.WithWhom,
            Discussed = note.Discussed, Agreed = note.Agreed, ReplacedAt = now, ReplacedById = actor.Id,
        });
        note.ContactOn = fields.ContactOn;
        note.Kind = fields.Kind;
        note.WithWhom = fields.WithWhom;
        note.Discussed = fields.Discussed;
        note.Agreed = fields.Agreed;
        note.CorrectedAt = now;
        timeline.Add(trajectoryId, actor, JournalTimelineKinds.Contact, Link(trajectoryId), "Contact note corrected: {0}", fields.Kind);
        dossier.Audit(JournalAuditActions.ContactCorrected, nameof(ContactNote), note.Id);
        db.Entry(note).Property(n => n.Version).OriginalValue = version;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Stale();
        }

        return new Changed(note.Id, note.Version);
    }

    private sealed record NoteFields(DateOnly ContactOn, ContactKind Kind, string WithWhom, string Discussed, string? Agreed);

    private NoteFields Validate(Validator v, DateOnly? contactOn, ContactKind? kind, string? withWhom, string? discussed, string? agreed)
    {
        var on = v.Required("contactOn", contactOn);
        if (contactOn is not null && on > time.Today())
        {
            v.Add("contactOn", "The date of a contact cannot be in the future.");
        }

        return new NoteFields(on, v.Enum("kind", kind), v.Text("withWhom", withWhom, ContactNote.WithWhomMaxLength),
            v.Text("discussed", discussed, ContactNote.TextMaxLength), v.OptionalText("agreed", agreed, ContactNote.TextMaxLength));
    }
}
