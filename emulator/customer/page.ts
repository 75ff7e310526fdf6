/** The customer phone's HTML: SLDS-styled, no inline script. */
export function renderCustomerPage(): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Customer phone — Switchboard emulator</title>
<link rel="stylesheet" href="/slds/styles/salesforce-lightning-design-system.min.css"></head>
<body class="slds-scope slds-p-around_large" style="max-width:28rem">
<h1 class="slds-text-heading_medium slds-m-bottom_small">Customer phone</h1>
<p class="slds-m-bottom_small">A second WebRTC phone on the local Kamailio: call the agent, or answer when the agent calls you.</p>
<p>Registration: <strong id="registration" data-id="customer-registration"></strong></p>
<p class="slds-m-vertical_small" id="call" data-id="customer-call" aria-live="polite"></p>
<div class="slds-form-element slds-m-bottom_small"><label class="slds-form-element__label" for="target">Call</label>
<div class="slds-form-element__control"><input id="target" class="slds-input" data-id="customer-target"></div></div>
<button id="dial" class="slds-button slds-button_success" data-id="customer-dial">Call</button>
<button id="answer" class="slds-button slds-button_brand" data-id="customer-answer">Answer</button>
<button id="hangup" class="slds-button slds-button_destructive" data-id="customer-hangup">Hang up</button>
<script src="/emulator/customer.js"></script>
</body></html>`;
}
