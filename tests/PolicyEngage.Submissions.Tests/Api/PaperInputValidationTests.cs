using System.Net;
using System.Text;
using System.Text.Json;
using PolicyEngage.ServiceDefaults.Auth;
using PolicyEngage.ServiceDefaults.Json;
using PolicyEngage.Submissions.Tests.Support;
using PolicyEngage.Testing;

namespace PolicyEngage.Submissions.Tests.Api;

/// <summary>Every malformed or out-of-bounds body is refused with a problem naming the field, and writes nothing.</summary>
public sealed class PaperInputValidationTests(SubmissionsApp app) : IClassFixture<SubmissionsApp>
{
    private const string Create = "POST /api/papers";
    private const string Edit = "PUT /api/papers/{id}";

    /// <summary>€ is three bytes of UTF-8: 70,000 of them are 210,000 bytes, over the 204,800 allowed, far under the gateway's 1 MB.</summary>
    private static readonly string BodyOver200KiB = new('€', 70_000);

    private sealed record BadInput(Func<Dictionary<string, object?>, HttpContent> Content, HttpStatusCode Status, string? Field, bool CreateOnly = false);

    private static readonly Dictionary<string, BadInput> Cases = new()
    {
        ["malformed JSON"] = new(_ => PapersClient.Raw("""{"title": "Privacy by default", "summary": """), HttpStatusCode.BadRequest, null),
        ["a JSON array instead of an object"] = new(fields => PapersClient.Raw($"[{Serialize(fields)}]"), HttpStatusCode.BadRequest, null),
        ["an empty body"] = new(_ => PapersClient.Raw(""), HttpStatusCode.BadRequest, null),
        ["JSON null"] = new(_ => PapersClient.Raw("null"), HttpStatusCode.BadRequest, null),
        ["title of the wrong type"] = new(fields => With(fields, "title", 5), HttpStatusCode.BadRequest, "title"),
        ["title missing"] = new(fields => Without(fields, "title"), HttpStatusCode.BadRequest, "title"),
        ["title blank"] = new(fields => With(fields, "title", "   "), HttpStatusCode.BadRequest, "title"),
        ["title of 201 characters"] = new(fields => With(fields, "title", new string('t', 201)), HttpStatusCode.BadRequest, "title"),
        ["a control character in the title"] = new(fields => With(fields, "title", "Privacy\u0007 by default"), HttpStatusCode.BadRequest, "title"),
        ["summary of 2,001 characters"] = new(fields => With(fields, "summary", new string('s', 2001)), HttpStatusCode.BadRequest, "summary"),
        ["body missing"] = new(fields => Without(fields, "body"), HttpStatusCode.BadRequest, "body"),
        ["body over 200 KB of UTF-8"] = new(fields => With(fields, "body", BodyOver200KiB), HttpStatusCode.BadRequest, "body"),
        ["consultationId missing"] = new(fields => Without(fields, "consultationId"), HttpStatusCode.BadRequest, "consultationId", CreateOnly: true),
        ["consultationId not a GUID"] = new(fields => With(fields, "consultationId", "not-a-guid"), HttpStatusCode.BadRequest, "consultationId", CreateOnly: true),
        ["Content-Type text/plain"] = new(fields => PapersClient.Raw(Serialize(fields), "text/plain"), HttpStatusCode.UnsupportedMediaType, "Content-Type"),
    };

    public static TheoryData<string, string> BadInputs()
    {
        var data = new TheoryData<string, string>();
        foreach (var (name, input) in Cases)
        {
            data.Add(Create, name);
            if (!input.CreateOnly) data.Add(Edit, name);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_is_a_problem_naming_the_field_and_leaves_the_database_as_it_was(string endpoint, string name)
    {
        var input = Cases[name];
        var author = app.ClientAs(Roles.PolicyAuthor, "acme");
        var consultation = await app.OpenConsultationAsync();
        var (paper, etag) = await author.CreateAsync(consultation.Id);
        var rowsBefore = await app.CountRowsAsync();
        var paperBefore = await app.FindPaperAsync(paper.Id);

        var response = endpoint == Create
            ? await author.PostAsync("/api/papers", input.Content(ValidCreate(consultation.Id)))
            : await author.EditAsync(paper.Id.ToString(), input.Content(ValidEdit()), ifMatch: etag);

        if (input.Field is { } field) await ProblemAssert.NamesFieldAsync(response, input.Status, field);
        else await ProblemAssert.IsProblemAsync(response, input.Status);
        Assert.Equal(rowsBefore, await app.CountRowsAsync());
        var paperAfter = await app.FindPaperAsync(paper.Id);
        Assert.Equal((paperBefore.Title, paperBefore.Summary, paperBefore.Body, paperBefore.Revision), (paperAfter.Title, paperAfter.Summary, paperAfter.Body, paperAfter.Revision));
    }

    [Fact]
    public async Task Text_exactly_at_every_bound_is_accepted_on_create_and_edit()
    {
        var author = app.ClientAs(Roles.PolicyAuthor, "acme");
        var consultation = await app.OpenConsultationAsync();
        // 68,266 three-byte characters and two ASCII ones: exactly 204,800 bytes of UTF-8.
        var body = new string('€', 68_266) + "ab";
        Assert.Equal(200 * 1024, Encoding.UTF8.GetByteCount(body));
        var fields = ValidCreate(consultation.Id);
        fields["title"] = new string('t', 200);
        fields["summary"] = new string('s', 2000);
        fields["body"] = body;

        var created = await author.PostAsync("/api/papers", PapersClient.Json(fields));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var paper = await PapersClient.PaperOf(created);
        var edited = await author.EditAsync(paper.Id, PapersClient.Text(new string('u', 200), new string('v', 2000), body));

        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var stored = await app.FindPaperAsync(paper.Id);
        Assert.Equal((new string('u', 200), body), (stored.Title, stored.Body));
    }

    private static Dictionary<string, object?> ValidCreate(Guid consultationId) => new()
    {
        ["consultationId"] = consultationId,
        ["title"] = "A valid title",
        ["summary"] = "A valid summary.",
        ["body"] = "A valid body.",
    };

    private static Dictionary<string, object?> ValidEdit() => new()
    {
        ["title"] = "A valid title",
        ["summary"] = "A valid summary.",
        ["body"] = "A valid body.",
    };

    private static HttpContent With(Dictionary<string, object?> fields, string field, object? value)
    {
        fields[field] = value;
        return PapersClient.Json(fields);
    }

    private static HttpContent Without(Dictionary<string, object?> fields, string field)
    {
        fields.Remove(field);
        return PapersClient.Json(fields);
    }

    private static string Serialize(Dictionary<string, object?> fields) => JsonSerializer.Serialize(fields, JsonDefaults.Options);
}
