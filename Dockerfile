# syntax=docker/dockerfile:1
# ScamWatch service image: the review UI/API and the scheduled crawler (`scamwatch serve`).
# The publish step is the same command test.sh (and so CI) runs.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props BannedSymbols.txt .editorconfig ScamWatch.sln ./
COPY src/ src/
RUN dotnet publish src/ScamWatch/ScamWatch.csproj -c Release -o artifacts/publish -nologo -v q -clp:NoSummary

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
RUN groupadd --system scamwatch && useradd --system --gid scamwatch --home-dir /var/lib/scamwatch --create-home scamwatch
WORKDIR /var/lib/scamwatch
COPY --from=build /src/artifacts/publish /opt/scamwatch/
COPY models/ /opt/scamwatch/models/
ENV SCAMWATCH_Classifier__ModelsPath=/opt/scamwatch/models \
    SCAMWATCH_Storage__SqlitePath=/var/lib/scamwatch/data/scamwatch.db \
    SCAMWATCH_Crawler__SitesPath=/etc/scamwatch/sites \
    SCAMWATCH_Logging__Directory=/var/lib/scamwatch/data/logs \
    SCAMWATCH_Web__KeysPath=/var/lib/scamwatch/data/keys \
    DOTNET_CLI_TELEMETRY_OPTOUT=1
USER scamwatch
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=6s --start-period=20s --retries=3 \
  CMD ["dotnet", "/opt/scamwatch/scamwatch.dll", "health", "--url", "http://127.0.0.1:8080/healthz"]
ENTRYPOINT ["dotnet", "/opt/scamwatch/scamwatch.dll"]
CMD ["serve", "--urls", "http://0.0.0.0:8080"]
