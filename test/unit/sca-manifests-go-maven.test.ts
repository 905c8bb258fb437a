/**
 * go.mod (require lines and blocks, `// indirect`, replace, exclude) and pom.xml (properties,
 * project.version, dependencyManagement, scopes, ranges, parent and plugins left out): versions,
 * direct vs transitive, exact locations and broken files.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readManifest } from '../../server/src/sca/manifests/index';
import { fixtureText, byName, slice } from '../helpers/manifest-fixtures';

test('go.mod: require blocks and lines, // indirect is transitive, replace applied, exclude ignored', () => {
  const text = fixtureText('go-service/go.mod');
  const result = readManifest('go.mod', text);
  assert.deepEqual(result.problems, []);
  assert.deepEqual(
    result.dependencies.map((d) => `${d.direct ? 'D' : 't'} ${d.name}@${d.version ?? '-'}`),
    [
      'D github.com/gin-gonic/gin@v1.9.1',
      'D github.com/sashabaranov/go-openai@v1.24.1',
      'D github.com/acme/langchaingo@v0.1.11-fork.1',
      't golang.org/x/net@v0.23.0',
      't google.golang.org/protobuf@v1.33.0',
      'D github.com/pgvector/pgvector-go@v0.1.1',
      'D github.com/acme/tokenizer@-',
    ],
  );
  const gin = byName(result.dependencies, 'github.com/gin-gonic/gin');
  assert.equal(slice(text, gin.range), 'github.com/gin-gonic/gin v1.9.1');
  assert.equal(slice(text, gin.specRange), 'v1.9.1');
  assert.equal(gin.spec, 'v1.9.1');
  assert.deepEqual(gin.range.startPos, { line: 7, column: 1 });
  assert.equal(gin.purl, 'pkg:golang/github.com/gin-gonic/gin@v1.9.1');
  const replaced = byName(result.dependencies, 'github.com/acme/langchaingo');
  assert.equal(slice(text, replaced.range), 'github.com/tmc/langchaingo v0.1.10');
  assert.equal(replaced.spec, 'v0.1.10');
  assert.equal(replaced.specRange, undefined, 'editing the require line would not change a replaced module');
  const local = byName(result.dependencies, 'github.com/acme/tokenizer');
  assert.equal(local.version, undefined);
  assert.equal(slice(text, byName(result.dependencies, 'github.com/pgvector/pgvector-go').range), 'github.com/pgvector/pgvector-go v0.1.1');
});

test('go.mod: quoted paths, +incompatible versions and a versioned replace of one version only', () => {
  const text = [
    'module example.com/m',
    'require "github.com/docker/docker" v24.0.7+incompatible',
    'require github.com/a/b v1.0.0',
    'replace github.com/a/b v0.9.0 => github.com/fork/b v0.9.1',
    '',
  ].join('\n');
  const result = readManifest('go.mod', text);
  assert.deepEqual(result.problems, []);
  const docker = byName(result.dependencies, 'github.com/docker/docker');
  assert.equal(docker.version, 'v24.0.7+incompatible');
  assert.equal(docker.purl, 'pkg:golang/github.com/docker/docker@v24.0.7%2Bincompatible');
  assert.equal(slice(text, docker.specRange), 'v24.0.7+incompatible');
  assert.equal(byName(result.dependencies, 'github.com/a/b').version, 'v1.0.0', 'the replace names another version');
});

test('go.mod: a bad require line and an unterminated block are located problems; the rest is read', () => {
  const result = readManifest('go.mod', fixtureText('broken/go/go.mod'));
  assert.deepEqual(
    result.dependencies.map((d) => d.name),
    ['github.com/gin-gonic/gin', 'github.com/tmc/langchaingo'],
  );
  assert.deepEqual(
    result.problems.map((p) => [p.line, p.column]),
    [
      [7, 2],
      [9, 1],
    ],
  );
  assert.match(result.problems[0].message, /^go\.mod: require expects/);
});

test('pom.xml: properties, project.version, managed versions, scopes kept, parent and plugin dependencies left out', () => {
  const text = fixtureText('maven-service/pom.xml');
  const result = readManifest('pom.xml', text);
  assert.deepEqual(result.problems, []);
  assert.deepEqual(
    result.dependencies.map((d) => `${d.name}@${d.version ?? '-'} ${d.spec ?? '-'}`),
    [
      'com.fasterxml.jackson:jackson-bom@2.17.1 ${jackson.bom.version}',
      'com.google.guava:guava@33.2.0-jre 33.2.0-jre',
      'dev.langchain4j:langchain4j-open-ai@0.31.0 ${langchain4j.version}',
      'com.acme.ai:assistant-prompts@1.4.0 ${project.version}',
      'com.google.guava:guava@33.2.0-jre -',
      'org.apache.tomcat.embed:tomcat-embed-core@10.1.20 10.1.20',
      'org.junit.jupiter:junit-jupiter@5.10.2 [5.10.2]',
      'ai.djl.huggingface:tokenizers@- [0.27,0.28)',
    ],
  );
  assert.ok(result.dependencies.every((d) => d.direct));
  const lc = byName(result.dependencies, 'dev.langchain4j:langchain4j-open-ai');
  assert.equal(lc.purl, 'pkg:maven/dev.langchain4j/langchain4j-open-ai@0.31.0');
  assert.ok(slice(text, lc.range)?.startsWith('<dependency>'));
  assert.ok(slice(text, lc.range)?.endsWith('</dependency>'));
  assert.equal(slice(text, lc.specRange), '${langchain4j.version}');
  const tomcat = byName(result.dependencies, 'org.apache.tomcat.embed:tomcat-embed-core');
  assert.equal(slice(text, tomcat.specRange), '10.1.20', 'the spec range leaves out the surrounding spaces');
  const managedUse = result.dependencies.filter((d) => d.name === 'com.google.guava:guava')[1];
  assert.equal(managedUse.specRange, undefined);
  assert.ok(!result.dependencies.some((d) => d.name.startsWith('org.springframework.boot') || d.name === 'org.example:plugin-only'));
});

test('pom.xml: entities, self-closing tags, comments and CDATA; parent version for ${project.version}', () => {
  const text = [
    '<project>',
    '  <parent><groupId>g</groupId><artifactId>p</artifactId><version>2.0.0</version></parent>',
    '  <artifactId>child</artifactId>',
    '  <properties><a.version>1.0&amp;x</a.version><empty/></properties>',
    '  <dependencies>',
    '    <!-- <dependency><groupId>no</groupId><artifactId>no</artifactId></dependency> -->',
    '    <dependency><groupId>com.x</groupId><artifactId>sibling</artifactId><version>${project.version}</version></dependency>',
    '    <dependency><groupId>com.x</groupId><artifactId>amp</artifactId><version>${a.version}</version></dependency>',
    '    <dependency><groupId>com.x</groupId><artifactId>cdata</artifactId><version><![CDATA[3.0]]></version></dependency>',
    '  </dependencies>',
    '</project>',
    '',
  ].join('\n');
  const result = readManifest('pom.xml', text);
  assert.deepEqual(result.problems, []);
  assert.deepEqual(
    result.dependencies.map((d) => `${d.name}@${d.version ?? '-'}`),
    ['com.x:sibling@2.0.0', 'com.x:amp@1.0&x', 'com.x:cdata@3.0'],
  );
  assert.equal(result.dependencies[2].spec, '3.0');
  assert.equal(result.dependencies[2].specRange, undefined, 'CDATA text is not edited by offsets');
});

test('pom.xml: a mismatched closing tag is a located problem; the well-formed dependencies are still read', () => {
  const result = readManifest('pom.xml', fixtureText('broken/maven/pom.xml'));
  assert.ok(result.problems.length >= 1);
  assert.deepEqual([result.problems[0].line, result.problems[0].column], [16, 26]);
  assert.match(result.problems[0].message, /^pom\.xml: closing tag <\/versio>/);
  assert.deepEqual(
    result.dependencies.map((d) => `${d.name}@${d.version}`),
    ['dev.langchain4j:langchain4j@0.31.0', 'com.google.guava:guava@33.2.0-jre'],
  );
  const noProject = readManifest('pom.xml', '<?xml version="1.0"?>\n<settings/>\n');
  assert.equal(noProject.dependencies.length, 0);
  assert.match(noProject.problems[0].message, /no <project> element/);
});
