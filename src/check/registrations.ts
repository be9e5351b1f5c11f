import type { Manifest } from '../manifest.js';
import type { Tree } from '../plan/index.js';
import type { ProjectConfig } from '../project.js';
import { hostFiles } from '../generate/register-domain.js';
import { addRegistration, HOSTS, hostFileMissing, type HostKind } from '../register/index.js';
import { domainNames } from '../spec/index.js';
import { finding, findingFromError, type Finding } from './finding.js';
import { typescript } from '../typescript.js';

const WHAT: Record<HostKind, { code: string; verb: string; where: string }> = {
  container: { code: 'DOMAIN_NOT_REGISTERED', verb: 'registered', where: 'server container' },
  bootstrap: { code: 'DOMAIN_NOT_MOUNTED', verb: 'mounted', where: 'bootstrap' },
  consumers: { code: 'CONSUMER_NOT_REGISTERED', verb: 'registered', where: 'consumers file' },
};

/**
 * Each manifest's domain must be registered in the server container and mounted in the
 * bootstrap. `addRegistration` is idempotent, so "it would change the file" means "missing".
 */
export async function checkRegistrations(tree: Tree, config: ProjectConfig, manifests: Manifest[]): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const [kind, file] of hostFiles(config)) {
    const text = tree.read(file);
    for (const manifest of manifests) {
      const names = domainNames(manifest.spec.name);
      try {
        if (text === null) throw hostFileMissing(kind, file, names);
        const edit = await addRegistration(kind, text, file, names);
        if (!edit.changed) continue;
        const { importName, modulePath } = HOSTS[kind].registration(names);
        const { code, verb, where } = WHAT[kind];
        findings.push({
          ...finding(
            code,
            `${names.fileName} is not ${verb} in the ${where} (${file}).`,
            `Run \`layered check --fix\`, or add \`import { ${importName} } from '${modulePath}'\` and its call to ${file}.`,
            file,
          ),
          fixable: { domain: names.fileName },
        });
      } catch (error) {
        findings.push(findingFromError(error));
      }
    }
  }
  return findings;
}

/**
 * A domain imported into a host file (`register<X>Module` / `create<X>Router` from `./<x>/...`)
 * that has no manifest: `destroy`, `list` and `check` cannot see it.
 */
export async function checkUnknownRegistrations(tree: Tree, config: ProjectConfig, manifests: Manifest[]): Promise<Finding[]> {
  // A feature (`layered add auth`) is wired like a domain of its name and has no manifest.
  const known = new Set([...manifests.map((manifest) => manifest.spec.name), ...(config.features ?? [])]);
  const findings: Finding[] = [];
  for (const [kind, file] of hostFiles(config)) {
    const text = tree.read(file);
    if (text === null) continue;
    for (const domain of await registeredDomains(kind, text)) {
      if (known.has(domain)) continue;
      findings.push(
        finding(
          'DOMAIN_WITHOUT_MANIFEST',
          `${file} registers a domain "${domain}" that has no manifest (.layered/domains/${domain}.json).`,
          `Remove its import and call from ${file}, or re-create it with \`layered new ${domain} <fields...> --force\`.`,
          file,
        ),
      );
    }
  }
  return findings;
}

/** The folder names (`order-item`) of the domains a host file imports, read from its syntax tree. */
export async function registeredDomains(kind: HostKind, text: string): Promise<string[]> {
  const ts = typescript();
  const source = ts.createSourceFile('host.ts', text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const host = HOSTS[kind];
  const domains = new Set<string>();
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const match = /^\.\/([^/]+)\//.exec(statement.moduleSpecifier.text);
    const bindings = statement.importClause?.namedBindings;
    if (!match?.[1] || !bindings || !ts.isNamedImports(bindings)) continue;
    const imported = bindings.elements.some((element) => host.importNamePattern.test((element.propertyName ?? element.name).text));
    if (imported) domains.add(match[1]);
  }
  return [...domains].sort();
}
