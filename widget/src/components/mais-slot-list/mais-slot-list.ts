import { MaisSlotList } from './mais-slot-list.component.ts';

export { MaisSlotList };
MaisSlotList.define('mais-slot-list');

declare global {
  interface HTMLElementTagNameMap {
    'mais-slot-list': MaisSlotList;
  }
}
