/**
 * Stand-in for lightning/navigation (replaces @salesforce/sfdx-lwc-jest/src/lightning-stubs/navigation),
 * after lwc-recipes: Navigate records its page reference so tests can read it back.
 */
import { createTestWireAdapter } from '@salesforce/wire-service-jest-util';

export const CurrentPageReference = createTestWireAdapter(jest.fn());

let navigatePageReference;
let navigateReplace;

const Navigate = Symbol('Navigate');
const GenerateUrl = Symbol('GenerateUrl');

export const NavigationMixin = (Base) =>
    class extends Base {
        [Navigate](pageReference, replace) {
            navigatePageReference = pageReference;
            navigateReplace = replace;
        }
        [GenerateUrl](pageReference) {
            navigatePageReference = pageReference;
            return Promise.resolve(`https://www.example.com/${pageReference?.attributes?.recordId ?? ''}`);
        }
    };
NavigationMixin.Navigate = Navigate;
NavigationMixin.GenerateUrl = GenerateUrl;

/** Test helper: the last page reference passed to Navigate or GenerateUrl (cleared by resetNavigate). */
export const getNavigateCalledWith = () => ({
    pageReference: navigatePageReference,
    replace: navigateReplace
});

export const resetNavigate = () => {
    navigatePageReference = undefined;
    navigateReplace = undefined;
};
