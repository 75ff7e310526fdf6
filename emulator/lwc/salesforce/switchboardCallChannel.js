/**
 * @salesforce/messageChannel/Switchboard_Call__c: the channel's API name, which is how the emulator's bus
 * (and Open CTI's subscribe/publish in the softphone) name it.
 */
export default 'Switchboard_Call__c';
