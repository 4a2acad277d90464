/**
 * jsdom keeps a node's `childNodes` and `children` lists live by re-reading all the node's children on
 * every change to them, once any code has asked for either list. Code that inserts children one by one
 * next to a node it is visiting then pays for all the siblings on each insert: DOMPurify hoisting the
 * children of an element it drops (one insert each, in front of it) made the clip corpus re-read 21.8
 * million child slots for one large page (archive-of-our-own), where a browser re-reads none. The lists
 * already re-read the children on a read when the node's version moved on (length, item, index,
 * iteration), so skipping the re-read at the change gives the same answers, once per read instead of
 * once per change: 10.9 million there. (The rest are reads of the dropped element's own list between
 * moves of its children, which do change it.)
 */
import { createRequire } from 'node:module';

interface NodeImpl {
  _modified(): void;
  _childNodesList: unknown;
  _childrenList: unknown;
}

let installed = false;

/** Makes jsdom's live child lists update when read rather than on each change (see above). Idempotent. */
export function lazyNodeLists(): void {
  if (installed) return;
  installed = true;
  const require = createRequire(import.meta.url);
  require('jsdom'); // jsdom's modules load in its own order; its node implementation is then in the cache
  const proto: NodeImpl = require('jsdom/lib/jsdom/living/nodes/Node-impl.js').implementation.prototype;
  const modified = proto._modified;
  proto._modified = function lazyModified(this: NodeImpl) {
    const childNodes = this._childNodesList;
    const children = this._childrenList;
    // Hidden from the original only: it bumps this node's version (and its ancestors'), which is what
    // tells the lists to re-read on their next read, and clears the caches it clears.
    this._childNodesList = null;
    this._childrenList = null;
    try {
      modified.call(this);
    } finally {
      this._childNodesList = childNodes;
      this._childrenList = children;
    }
  };
}
