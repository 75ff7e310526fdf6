/** SLDS utility icons from the org's own SLDS assets (the page passes their URL in). */
let assetsBase = '';

export function setIconAssets(base: string): void {
  assetsBase = base.replace(/\/$/, '');
}

export function Icon({
  name,
  size = 'x-small',
  variant
}: {
  name: string;
  size?: 'xx-small' | 'x-small' | 'small';
  variant?: 'inverse' | 'default';
}) {
  const cls = `slds-icon slds-icon_${size} ${variant === 'inverse' ? 'slds-icon-text-light' : 'slds-icon-text-default'}`;
  return (
    <svg class={cls} aria-hidden="true" focusable="false">
      <use href={`${assetsBase}/icons/utility-sprite/svg/symbols.svg#${name}`} />
    </svg>
  );
}

export function ButtonIcon({ name }: { name: string }) {
  return (
    <svg class="slds-button__icon slds-button__icon_left" aria-hidden="true" focusable="false">
      <use href={`${assetsBase}/icons/utility-sprite/svg/symbols.svg#${name}`} />
    </svg>
  );
}
