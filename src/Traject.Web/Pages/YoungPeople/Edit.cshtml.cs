using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Traject.Web.Modules.Trajectories;

namespace Traject.Web.Pages.YoungPeople;

/// <summary>Correct a young person's personal details.</summary>
internal sealed class EditModel(YoungPersonRecord record, Modules.Trajectories.OpenTrajectory open) : AppPageModel
{
    internal sealed class InputModel : PersonalInput
    {
        public long? Version { get; set; }
    }

    [FromRoute]
    public string Key { get; set; } = string.Empty;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public YoungPersonResponse Person { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        var result = await record.GetAsync(await ActorAsync(), Key, HttpContext.RequestAborted);
        if (!result.IsSuccess)
        {
            return NotFound();
        }

        Person = result.Value;
        Input = new InputModel
        {
            GivenName = Person.GivenName, FamilyName = Person.FamilyName, DateOfBirth = Person.DateOfBirth, Gender = Person.Gender,
            Nationality = Person.Nationality, NationalityCountry = Person.NationalityCountry, Municipality = Person.Municipality,
            Version = Person.Version,
        };
        return Page();
    }

    /// <summary>Opens a new trajectory (signalled, with me as coordinator) when her earlier ones are closed.</summary>
    public async Task<IActionResult> OnPostOpenAsync()
    {
        var actor = await ActorAsync();
        var opened = await open.HandleAsync(actor, Key, new Modules.Trajectories.OpenTrajectoryRequest(null, null, null), HttpContext.RequestAborted);
        if (opened.IsSuccess)
        {
            return Redirect($"/trajectories/{opened.Value.TrajectoryId}");
        }

        var failed = Fail(opened.Error!, Page);
        return failed is NotFoundResult || await OnGetAsync() is not PageResult ? NotFound() : failed;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var actor = await ActorAsync();
        ReplaceBindingErrors();
        if (ModelState.IsValid)
        {
            var result = await record.UpdateAsync(actor, Key, new UpdateYoungPersonRequest(Input.GivenName, Input.FamilyName,
                Input.DateOfBirth, Input.Gender, Input.Nationality, Input.NationalityCountry, Input.Municipality, Input.Version),
                HttpContext.RequestAborted);
            if (result.IsSuccess)
            {
                var open = result.Value.Trajectories.Count > 0 ? result.Value.Trajectories[0] : null;
                return Redirect(open is null ? "/" : $"/trajectories/{open.Id}");
            }

            if (result.Error!.Kind == Common.ErrorKind.NotFound)
            {
                return NotFound();
            }

            Fail(result.Error!, Page);
        }

        var current = await record.GetAsync(actor, Key, HttpContext.RequestAborted);
        if (!current.IsSuccess)
        {
            return NotFound();
        }

        Person = current.Value;
        return Page();
    }
}
