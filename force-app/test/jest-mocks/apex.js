/**
 * Stand-in for @salesforce/apex named imports (the LWC jest transformer otherwise falls back to a bare
 * resolved promise), after lwc-recipes: refreshApex is a jest.fn() so tests can assert the refresh.
 */
export const refreshApex = jest.fn().mockResolvedValue();
export const getSObjectValue = jest.fn();
