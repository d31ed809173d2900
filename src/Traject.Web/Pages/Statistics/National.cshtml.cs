using System.Text;
using Microsoft.AspNetCore.Mvc;
using Traject.Web.Modules.Statistics;

namespace Traject.Web.Pages.Statistics;

/// <summary>The national figures of a year for national reporters: tables, bar charts and CSV downloads.</summary>
internal sealed class NationalModel(NationalFigures figures) : AppPageModel
{
    public NationalFiguresView? Figures { get; private set; }

    public string? Year { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? year)
    {
        Year = year;
        var result = await figures.GetAsync(await ActorAsync(), year, HttpContext.RequestAborted);
        if (!result.IsSuccess)
        {
            return result.Error!.Kind == ErrorKind.Forbidden ? NotAllowed() : Fail(result.Error, Page);
        }

        Figures = result.Value;
        Year = Figures.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(string? year, string? table)
    {
        var actor = await ActorAsync();
        if (!NationalFigures.MaySee(actor))
        {
            return NotAllowed();
        }

        var name = NationalFigures.TableName(table);
        var result = name.IsSuccess ? await figures.GetAsync(actor, year, HttpContext.RequestAborted) : name.Error!;
        if (!result.IsSuccess)
        {
            Year = year;
            return Fail(result.Error!, Page);
        }

        var view = result.Value.Table(name.Value);
        return File(Encoding.UTF8.GetBytes(TableCsv.Write(result.Value.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), view.Table)),
            "text/csv; charset=utf-8", $"national-{view.Id}-{result.Value.Year}.csv");
    }
}
