/**
 * CreateCluster bodies embedded in other documents, linted in place. A ROS template's `ALIYUN::CS::AnyCluster`
 * resource takes a snake_case CreateCluster body as its `ClusterConfig` property; ROS intrinsic functions in it
 * (`{Ref: Name}`, `{"Fn::GetAtt": […]}`) are values ROS fills in, so they read as placeholders.
 */
import type { ClusterDocument, ObjectNode } from './model.js';
import { oncePer } from './values.js';

/** `{Ref: …}` or `{"Fn::…": …}`: one key, a ROS intrinsic function. */
export function isRosFunction(node: ObjectNode): boolean {
  if (node.entries.length !== 1) return false;
  const key = node.entries[0]!.key;
  return key === 'Ref' || key.startsWith('Fn::');
}

/**
 * The CreateCluster bodies inside `doc` (ClusterConfig of each ALIYUN::CS::AnyCluster resource of a ROS template),
 * found once per document.
 */
export const embeddedClusterBodies: (doc: ClusterDocument) => readonly ClusterDocument[] = oncePer(findEmbeddedBodies);

function findEmbeddedBodies(doc: ClusterDocument): readonly ClusterDocument[] {
  if (doc.kind !== 'ros-template') return [];
  const out: ClusterDocument[] = [];
  const resources = doc.node(['Resources']);
  if (resources?.kind === 'object') {
    for (const [name, entry] of resources.byKey) {
      const r = entry.value;
      if (r.kind !== 'object') continue;
      const type = r.byKey.get('Type')?.value;
      if (type?.kind !== 'string' || type.value !== 'ALIYUN::CS::AnyCluster') continue;
      const path = ['Resources', name, 'Properties', 'ClusterConfig'];
      if (doc.node(path)?.kind !== 'object') continue;
      const body = doc.subDocument(path, { kind: 'cluster', isPlaceholder: isRosFunction });
      if (body) out.push(body);
    }
  }
  return out;
}
