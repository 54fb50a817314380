using System.Net;
using System.Text.Json.Nodes;
using PolicyEngage.Testing;

namespace PolicyEngage.EndToEnd.Tests.OpenApi;

/// <summary>
/// The four services' OpenAPI documents as a client gets them, through the gateway without a token, held to
/// Spectral's OpenAPI ruleset (no error, no warning) and to a TypeScript client flow typed from them.
/// </summary>
[Collection(nameof(RunningSystem))]
public sealed class ApiDocumentTests(RunningSystem system) : IDisposable
{
    private static readonly string[] Documents = ["submissions", "reviews", "regulatorliaison", "audit"];

    private readonly TempDirectory _folder = new();

    /// <summary>Where the documents are saved as <c>{name}.json</c>, the names Spectral's messages then show.</summary>
    private string DocumentsFolder => _folder.File("documents");

    [Fact]
    public async Task Every_services_document_is_served_through_the_gateway_without_a_token()
    {
        foreach (var document in Documents)
        {
            var json = JsonNode.Parse(await DownloadAsync(document))!;

            Assert.StartsWith("3.", json["openapi"]!.GetValue<string>());
            Assert.NotEmpty(json["paths"]!.AsObject());
        }
    }

    [Fact]
    public async Task Every_services_document_names_the_gateway_as_its_server_and_a_bearer_token_as_its_security()
    {
        foreach (var document in Documents)
        {
            var json = JsonNode.Parse(await DownloadAsync(document))!;

            Assert.Equal("/", json["servers"]!.AsArray().Single()!["url"]!.GetValue<string>());
            Assert.Equal("bearer", json["components"]!["securitySchemes"]!["Bearer"]!["scheme"]!.GetValue<string>());
            Assert.NotNull(json["security"]!.AsArray().Single()!["Bearer"]);
        }
    }

    [Fact]
    public async Task Every_services_document_passes_spectral_with_no_error_and_no_warning()
    {
        await SaveDocumentsAsync();

        var lint = await OpenApiTools.RunAsync("spectral", DocumentsFolder,
            ["lint", .. Documents.Select(document => $"{document}.json"), "--ruleset", OpenApiTools.Ruleset, "--fail-severity=warn"]);

        Assert.True(lint.ExitCode == 0, $"Spectral found errors or warnings in the documents the gateway serves:\n{lint}");
    }

    [Fact]
    public async Task The_typescript_client_flow_type_checks_against_the_types_generated_from_the_documents()
    {
        await SaveDocumentsAsync();
        // A copy of the flow with the generated types/ beside it, as tests/openapi holds them when checked by hand.
        var project = Directory.CreateDirectory(_folder.File("flow")).FullName;
        File.Copy(Path.Combine(OpenApiTools.Folder, "flow.ts"), Path.Combine(project, "flow.ts"));
        File.Copy(Path.Combine(OpenApiTools.Folder, "tsconfig.json"), Path.Combine(project, "tsconfig.json"));
        var generations = await Task.WhenAll(Documents.Select(document => OpenApiTools.RunAsync("openapi-typescript", DocumentsFolder,
            [$"{document}.json", "--output", Path.Combine(project, "types", $"{document}.ts")])));
        foreach (var generation in generations)
            Assert.True(generation.ExitCode == 0, $"openapi-typescript could not read a document:\n{generation}");

        var check = await OpenApiTools.RunAsync("tsc", project, ["-p", "."]);

        Assert.True(check.ExitCode == 0,
            $"tests/openapi/flow.ts does not type-check against the documents' types (an answer without its JSON schema?):\n{check}");
    }

    private async Task<string> DownloadAsync(string document)
    {
        using var http = new HttpClient { BaseAddress = system.Gateway.BaseAddress };
        using var response = await http.GetAsync($"/openapi/{document}.json");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"/openapi/{document}.json without a token: {(int)response.StatusCode} {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return body;
    }

    private async Task SaveDocumentsAsync()
    {
        Directory.CreateDirectory(DocumentsFolder);
        foreach (var document in Documents)
            await File.WriteAllTextAsync(Path.Combine(DocumentsFolder, $"{document}.json"), await DownloadAsync(document));
    }

    public void Dispose() => _folder.Dispose();
}
