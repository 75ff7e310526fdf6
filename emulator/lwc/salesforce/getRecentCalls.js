/** @salesforce/apex/SwitchboardCallLogController.getRecentCalls, answered by the emulator host's Tasks. */
import { apexMethod } from './apex-method';

export default apexMethod('SwitchboardCallLogController.getRecentCalls');
